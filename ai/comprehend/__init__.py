"""Amazon Comprehend for Korean sentiment and key phrases, combined with our lexicon."""

from ai.comprehend.analyzer import ComprehendAnalyzer, ComprehendReading
from ai.comprehend.truncate import DETECT_SENTIMENT_MAX_BYTES, truncate_utf8

__all__ = ["DETECT_SENTIMENT_MAX_BYTES", "ComprehendAnalyzer", "ComprehendReading", "truncate_utf8"]
