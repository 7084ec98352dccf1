"""Raw upload storage: a local directory by default, Amazon S3 in production.

Raw chat exports are kept only as long as promised (7 days by default); the message rows
derived from them are not raw files and stay until the user deletes them.
"""

from blobs.base import BlobStore, BlobWriter, import_key, user_prefix
from blobs.local import LocalBlobStore

__all__ = ["BlobStore", "BlobWriter", "LocalBlobStore", "import_key", "user_prefix"]
