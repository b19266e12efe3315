"""Training data: a made-up cell, and a made-up bloc with its cells' bundles, clearly marked as training."""
