"""The domain's units of work: one module per business capability.

Each public method is one unit of work and decides its own transactions; refusals are the
small typed family of `services.errors`, carrying domain field names. Nothing here knows
GraphQL, HTTP or settings.
"""
