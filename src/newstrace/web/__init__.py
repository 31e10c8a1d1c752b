"""Server-rendered pages (Jinja2, autoescaped) and the vendored static files they use."""
