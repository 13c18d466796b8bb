/**
 * Colours of the methodology's score bands in reports: the band's own `color` when it is a valid
 * CSS hex colour, else a default palette by the band's position (green for the lowest band, red
 * for the highest), with a text colour that keeps WCAG contrast on it.
 */

/** The default palette, from the lowest to the highest band. */
export const DEFAULT_BAND_PALETTE = ["#2e7d32", "#9e9d24", "#f9a825", "#ef6c00", "#c62828"] as const;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** True when `text` is a CSS hex colour (`#abc` or `#aabbcc`): the only form reports put in CSS. */
export function isHexColor(text: string | undefined): text is string {
  return text !== undefined && HEX.test(text);
}

/** The colour of band `index` of `count` bands: `own` when valid, else the default palette spread over the bands. */
export function bandColor(own: string | undefined, index: number, count: number): string {
  if (isHexColor(own)) return expandHex(own).toLowerCase();
  const last = DEFAULT_BAND_PALETTE.length - 1;
  const position = count <= 1 ? 0 : Math.round((index * last) / (count - 1));
  return DEFAULT_BAND_PALETTE[Math.min(Math.max(position, 0), last)];
}

/** Black or white, whichever contrasts more with the background `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): "#000000" | "#ffffff" {
  const full = expandHex(hex);
  const channel = (i: number) => {
    const c = parseInt(full.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
}

function expandHex(hex: string): string {
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}
