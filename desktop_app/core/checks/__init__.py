"""The check engine: reviews a case against what its evidence says and reports what would get it declined."""
