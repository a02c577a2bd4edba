"""What the routes show, assembled from the store: plain functions returning response models."""
