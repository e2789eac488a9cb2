"""The district web service (issue 17): clerks of the 27 bodies log in, route cases, register them,
see their inbox of referrals and act on them; supervisors see everything and the 五.4 statistics;
policy staff see the catalog; other programs (the 12345 hotline) use the JSON API with tokens.

    from router.web.app import create_app
    from router.web.settings import WebSettings
    app = create_app(WebSettings(db="register.sqlite3"))

A thin layer over router.register (cases, events, duties, stats) and router.letters; like the
rest of the library it never prints and never exits (`zhifa serve` in cli.py runs uvicorn).
"""
