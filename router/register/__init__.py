"""The case register (移送台账): cases, their events, the duties derived from them, figures for 五.4."""
