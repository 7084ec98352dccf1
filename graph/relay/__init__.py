"""Relay helpers: the Node interface and its registry, global IDs, cursors, connections and
the paging arguments every connection field shares."""
