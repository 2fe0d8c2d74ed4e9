"""Getting a SparkSession: the cluster's when run by spark-submit, a local one otherwise."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import warnings
from typing import Any

from lagebild.errors import ConfigError

log = logging.getLogger(__name__)

JOB_CONF: dict[str, str] = {
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    # one Arrow batch = one call of the pipeline loop; small enough to keep memory flat
    "spark.sql.execution.arrow.maxRecordsPerBatch": "256",
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
    "spark.python.worker.reuse": "true",  # models stay loaded between tasks
}
LOCAL_CONF: dict[str, str] = {
    # local mode runs every task in the driver's JVM: Spark's 1 GB default ran out of heap in
    # the stories job at 100k articles (bench/spark.py --with-100k); SPARK_DRIVER_MEMORY overrides
    "spark.driver.memory": os.environ.get("SPARK_DRIVER_MEMORY", "4g"),
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
}


def missing_requirements() -> str | None:
    """Why Spark cannot run here (no pyspark, no Java), or None when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'lagebild[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))) and not (
        shutil.which("java")
    ):
        return "no Java found (install OpenJDK >= 17 or set JAVA_HOME)"
    return None


def get_session(
    master: str | None = None, app_name: str = "lagebild", conf: dict[str, str] | None = None
) -> Any:
    """The active SparkSession, or a new one (``local[*]`` when no master is given).

    Under ``spark-submit`` the session (and its master) come from the submit command and
    ``master`` should be None. For a local master the Python workers use this interpreter.
    """
    problem = missing_requirements()
    if problem:
        raise ConfigError(f"Spark cannot run: {problem}")
    from pyspark.sql import SparkSession

    warnings.filterwarnings("ignore", message=".*pandas >= 3.0.0.*", category=FutureWarning)
    active = SparkSession.getActiveSession()
    if active is not None and master is None:  # a notebook's or spark-submit's session
        for key in ("spark.sql.execution.arrow.pyspark.enabled",
                    "spark.sql.execution.arrow.maxRecordsPerBatch"):  # fmt: skip
            active.conf.set(key, (conf or {}).get(key, JOB_CONF[key]))
        return active
    is_local = master is not None and master.startswith("local")
    builder = SparkSession.builder.appName(app_name)
    if master is not None:  # else: spark-submit's --master, or local[*] under plain python
        builder = builder.master(master)
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # set by spark-submit's PythonRunner
    if is_local or (master is None and not under_submit):  # local: workers use this Python
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings = dict(JOB_CONF)
    if is_local:
        settings.update(LOCAL_CONF)
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
