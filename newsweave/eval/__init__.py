"""`newsweave eval`: metrics on the labelled datasets in ../shared/datasets."""
