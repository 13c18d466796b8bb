import { deepTexts, expectOneDepthFinding } from "./deep-texts";

describe("nesting (stress)", () => {
  for (const depth of [5000, 20000]) {
    for (const [name, text] of deepTexts(depth)) {
      it(`${name} ${depth} levels deep give one finding, the same on every run`, () => expectOneDepthFinding(text));
    }
  }
});
