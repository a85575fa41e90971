"""Curation: a converter draft (``ttl/drafts/ID.ttl``) stays a draft until a person accepts its facts.

:mod:`.facts` reads a draft and the curated graph, :mod:`.review` compares them, :mod:`.accept` moves
accepted facts into the curated file ``ttl/ID.ttl``.
"""
