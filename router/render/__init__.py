"""Renderers: what a clerk sees. They build rich renderables and text; printing is cli.py's."""

NOTICE_EXAMPLES = 10  # notices of one kind listed by `zhifa catalog check` without --all
