"""The model's answer: the tagged format (`format`), read while it streams (`parser`), and
checked (`advice`, `replies`, `emotion`)."""
