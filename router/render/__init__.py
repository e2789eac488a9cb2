"""Renderers: what a clerk sees. They build rich renderables and text; printing is cli.py\x27s."""
