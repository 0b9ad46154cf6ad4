/// The HTML report's only style sheet, inline: system fonts, no network.
enum HTMLStylesheet {
    static let css = """
    :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg);
           max-width: 1320px; margin: 0 auto; padding: 24px; }
    code, pre, svg text { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 0 0 8px; word-break: break-all; }
    h2 code { font-size: 17px; }
    h3 { font-size: 15px; margin: 18px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    a { color: #0969da; text-decoration: none; }
    a:hover { text-decoration: underline; }
    header { margin-bottom: 24px; }
    section.file { border-top: 1px solid var(--line); padding: 20px 0 12px; }
    table { border-collapse: collapse; margin: 4px 0; }
    th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: var(--soft); font-weight: 600; }
    table.effects { width: 100%; }
    .table-scroll { overflow-x: auto; max-width: 100%; }
    table.files td.path { min-width: 12em; }
    table.files td.path code { overflow-wrap: anywhere; }
    table.files td.reason { min-width: 12em; }
    table.files td.time { min-width: 7em; }
    details.hot-files > summary { cursor: pointer; font-weight: 600; padding: 10px 0; border-top: 1px solid var(--line); }
    td.line { text-align: right; }
    th, td.line, td.lock, td.flag, td.blocks-reads, td.blocks-writes, td.blocks-none { white-space: nowrap; }
    table.effects { font-size: 14px; }
    td.name { overflow-wrap: break-word; min-width: 8em; }
    td.sql { min-width: 16em; }
    td.sql code { white-space: pre-wrap; word-break: break-word; }
    td.blocks-reads { color: #c00000; font-weight: 600; }
    td.blocks-writes { color: #b35900; font-weight: 600; }
    .badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 13px; font-weight: 600; border: 1px solid; }
    .badge-hot { color: #116329; background: #dafbe1; }
    .badge-downtime { color: #7d4e00; background: #fff8c5; }
    .badge-rejected { color: #a40e26; background: #ffebe9; }
    .badge-invalid { color: #fff; background: #6e7781; border-color: #424a53; }
    .badge-suppressed { color: var(--muted); background: var(--soft); }
    .banner { border-left: 6px solid; border-radius: 6px; padding: 8px 14px; margin: 8px 0; }
    .banner p { margin: 2px 0; }
    .banner .verdict { font-size: 18px; text-transform: uppercase; margin-right: 8px; }
    .banner .facts { color: var(--muted); }
    .banner-hot { background: #dafbe1; border-color: #1a7f37; }
    .banner-downtime { background: #fff8c5; border-color: #bf8700; }
    .banner-rejected { background: #ffebe9; border-color: #cf222e; }
    .banner-invalid { background: #eaeef2; border-color: #24292f; }
    ol.findings { padding-left: 24px; }
    ol.findings li { margin: 6px 0; padding: 4px 8px; border-left: 4px solid var(--line); }
    ol.findings li.sev-error { border-color: #cf222e; }
    ol.findings li.sev-warning { border-color: #bf8700; }
    ol.findings li.sev-info { border-color: #0969da; }
    ol.findings li.suppressed { color: var(--muted); }
    ol.findings li.suppressed .severity { text-decoration: line-through; }
    ol.findings li:target { background: #ddf4ff; }
    ol.findings p { margin: 1px 0; }
    pre.rewrite { margin: 4px 0 2px; padding: 8px 10px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
                  overflow-x: auto; white-space: pre; tab-size: 4; }
    .source { display: flex; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
    .source pre { margin: 0; padding: 8px 10px; line-height: 1.45; tab-size: 4; }
    .source pre.gutter { background: var(--soft); color: var(--muted); text-align: right; border-right: 1px solid var(--line); }
    .source pre.gutter a { color: inherit; }
    .source pre.gutter a:target { color: #0969da; font-weight: 700; }
    mark { color: inherit; border-radius: 2px; }
    mark.sev-error { background: #ffcecb; border-bottom: 2px solid #cf222e; }
    mark.sev-warning { background: #fff1a8; border-bottom: 2px solid #bf8700; }
    mark.sev-info { background: #ddf4ff; border-bottom: 2px solid #0969da; }
    mark.suppressed { background: none; border-bottom: 2px dotted #6e7781; }
    mark.point { display: inline-block; width: 0; height: 1.2em; vertical-align: text-bottom; border-left: 3px solid #cf222e; }
    .anchor:target + mark { outline: 2px solid #0969da; }
    figure.timeline { margin: 0; }
    figure.timeline .scroll { overflow-x: auto; }
    svg.chart text { font-size: 12px; fill: var(--fg); }
    svg.chart text.axis-title { fill: var(--muted); }
    ul.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; color: var(--muted); }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
    .swatch.taken { background: #6e7781; }
    .swatch.held { background: rgba(110, 119, 129, .35); border: 1px solid #6e7781; box-sizing: border-box; }
    .swatch.unknown { background: #d0d7de; border: 1.5px dashed #1f2328; box-sizing: border-box; }
    svg.chart text.unknown { font-weight: 700; }
    .swatch.live { height: 4px; background: #1a7f37; border-radius: 0; vertical-align: 3px; }
    .swatch.budget { height: 0; border-top: 2px dashed #cf222e; border-radius: 0; vertical-align: 3px; }

    """
}
