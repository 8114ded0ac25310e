"""One screen or modal per module, each a step of the agent's shift."""
