"""The core: what every layer uses and that knows nothing of the others: how a fault is
said and reported, text and HTML as a reader gets it, the URL policy, dates."""
