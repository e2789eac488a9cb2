"""Alembic migrations of the case register, run programmatically (router.register.db)."""
