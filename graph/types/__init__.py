"""The domain as GraphQL types: one module per Node type, plus the values they hold.

Field resolvers only delegate to the per-operation loaders (`services.loaders`); references back
up the tree go through the node table (`graph.relay.node`) and `strawberry.lazy`.
"""
