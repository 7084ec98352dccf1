"""Local stand-ins for the external services the AI layer talks to, for tests and benchmarks."""
