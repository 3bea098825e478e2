"""The web pages, one module per area; each router uses WebRoute (HTML errors)."""
