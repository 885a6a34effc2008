"""The data registry: the facts the checks judge by, each data folder beside its loader:
the drugs' labels (``labels/``), their classes and courses of treatment, the reviewers
file and the risk-language rules (``risk_language.toml``)."""
