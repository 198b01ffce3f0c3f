/// The page's stylesheet: system fonts only, nothing fetched. Written without `<` or `&` so the page stays valid XML.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; --ink: #202124; --muted: #5f6368; --line: #dadce0; --accent: #2b6cb0; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fafafa; }
        header h1 { margin: 0 0 4px; font-size: 24px; }
        header p { margin: 0; color: var(--muted); }
        section { margin-top: 28px; }
        h2 { font-size: 18px; margin: 0 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
        h3 { font-size: 14px; margin: 0 0 6px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 28px; font-weight: 600; margin: 2px 0; font-variant-numeric: tabular-nums; }
        .card .detail { color: var(--muted); font-size: 12px; }
        .small, .small .value { color: #9aa0a6; }
        .badge { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 8px; background: #eceff1; color: #5f6368; font-size: 11px; font-weight: 600; vertical-align: middle; }
        .tablewrap { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
        table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
        th, td { padding: 5px 7px; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; vertical-align: top; }
        th { background: #f1f3f4; font-weight: 600; white-space: normal; vertical-align: bottom; }
        th.key, td.key { text-align: left; }
        tr.overall td { font-weight: 600; background: #f8fafd; }
        td .badge { display: table; margin: 2px 0 0 auto; }
        td .sub { display: block; color: var(--muted); font-size: 11px; font-weight: 400; }
        td.small .sub, td.small { color: #9aa0a6; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 14px; }
        .chartbox { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 4px; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg .tick { font-size: 11px; fill: #5f6368; }
        svg .value { font-size: 10px; fill: #202124; }
        svg .value.small { fill: #9aa0a6; }
        svg .nodata { font-size: 13px; fill: #9aa0a6; }
        svg .cell { font-size: 12px; font-weight: 600; }
        svg .mark { font-size: 9px; }
        .heatmaps { display: flex; flex-direction: column; gap: 16px; }
        .heatbox { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; overflow-x: auto; }
        .legend { color: var(--muted); font-size: 12px; margin: 0 0 10px; }
        .notes { color: var(--muted); font-size: 12px; }
        .notes li { margin: 2px 0; }
        """
}
