/// The web app's stylesheet, served at `/assets/app.css`.
enum AppStyle {
    static let css = """
        :root{--ink:#1d2430;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;--card:#fff;--accent:#2563eb;--ok:#15803d;--warn:#b45309;--bad:#b91c1c}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;align-items:center;gap:1.5em;padding:.7em 1.5em;background:var(--card);border-bottom:1px solid var(--line)}
        header .brand{font-weight:700;letter-spacing:.02em}header nav{display:flex;gap:1em;flex:1}
        header nav a{color:var(--muted);text-decoration:none;padding:.2em 0}header nav a.active{color:var(--ink);border-bottom:2px solid var(--accent)}
        header form{margin:0}header .who small{color:var(--muted)}
        main{max-width:1100px;margin:1.5em auto;padding:0 1em}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.2em 1.4em;margin-bottom:1.2em}
        .card.narrow{max-width:380px;margin:4em auto}h1{font-size:1.3em;margin:.1em 0 .6em}h2{font-size:1.05em;margin:1.2em 0 .5em}
        label{display:block;margin:.5em 0}label.inline,label.choice{display:inline-block;margin:.2em 1em .2em 0}
        input,select,textarea{font:inherit;padding:.35em .5em;border:1px solid #cbd5e1;border-radius:6px;background:#fff}
        textarea{width:100%}input[disabled],select[disabled]{background:#f1f5f9;color:var(--muted)}
        button{font:inherit;padding:.4em 1em;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
        header button{background:none;color:var(--muted);border-color:var(--line)}
        .toolbar{display:flex;align-items:center;gap:1em;margin-bottom:1em;flex-wrap:wrap}.filters{display:flex;gap:.4em}
        .filter{padding:.25em .8em;border-radius:99px;background:var(--card);border:1px solid var(--line);color:var(--ink);text-decoration:none}
        .filter.active{background:var(--ink);color:#fff;border-color:var(--ink)}.search{flex:1}.search input{width:100%}
        .live-status{color:var(--muted);font-size:.85em}.live-status.on::before{content:"● ";color:var(--ok)}
        table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
        th,td{text-align:left;padding:.55em .8em;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;color:var(--muted);font-size:.85em}
        td.direction{font-size:1.2em;width:2.5em}td.contact strong{display:block}td small,.status small{display:block;color:var(--muted);font-size:.8em}
        small.missed{color:var(--bad);display:inline;margin-left:.2em}
        .chip{display:inline-block;padding:.05em .6em;border-radius:99px;font-size:.8em;font-weight:600;background:#e5e7eb}
        .chip.logged{background:#dcfce7;color:var(--ok)}.chip.failed{background:#fee2e2;color:var(--bad)}.chip.skipped{background:#fef3c7;color:var(--warn)}
        .chip.waiting,.chip.observed,.chip.creating{background:#dbeafe;color:var(--accent)}
        .error{color:var(--bad)}.notice{background:#fef3c7;padding:.5em .8em;border-radius:6px}.hint{color:var(--muted)}
        .locked{color:var(--warn);font-size:.85em;margin-left:.5em}.setting{margin:.6em 0}.fields label{font-size:.9em}
        #timeline{padding-left:1.2em}#timeline time{color:var(--muted);font-size:.85em;margin-right:.5em}
        .live-call{list-style:none;border:1px solid var(--line);border-radius:8px;padding:.8em;margin:.6em 0}.live-call.ended{opacity:.7}
        #live-calls{padding:0}.save-state{color:var(--muted);font-size:.85em}#countdown{color:var(--accent);font-weight:600}
        .row{display:flex;gap:.5em;flex-wrap:wrap;align-items:center}.problem{text-align:center;padding:3em}
        #coverage-reasons{color:var(--muted);font-size:.9em}
        """
}
