export { ReportPanel, PANEL_TITLES, type WebviewReport } from "./report-panel";
export { activeRoot, type ModelSource } from "./report-root";
export { ReportWebviews, type ShowOptions } from "./report-webviews";
export { WEBVIEW_COMMANDS } from "./commands";
