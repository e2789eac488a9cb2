"""zhifa: jurisdiction router for township/street comprehensive administrative enforcement
in 华龙区, 濮阳市 (mechanism: 华龙法政办〔2021〕13号).

The flow of one case, one subpackage a step:

    decide/case      the case as given (strictly checked input)
    matching/        description → catalog matters
    catalog/         matters, bodies, dated batches, the work calendar
    engine/          the rules (rules/*.yaml) on durable-rules
    decide/route     facts → rules → a cited, dated decision
    render/          what a clerk sees (terminal)

beside them the policy tools (policy/: import, export, diff, lint, listings) and file handling
(files/: strict YAML, spreadsheets, atomic writes, the start-up cache).

The library never prints and never exits; `cli.py` is the only terminal-facing code.
"""
