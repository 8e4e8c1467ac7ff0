"""Pure, strict models of the registry: no I/O, no output."""

from thidua_cli.models.anniversary import AnniversariesFile, Anniversary
from thidua_cli.models.campaign import (Campaign, Document, Event, Launch, Phase, Reporting, Signer,
                                        Target, Task)
from thidua_cli.models.result import Achieved, Result
from thidua_cli.models.unit import LEVEL_RANK, Cluster, Unit, UnitsFile

__all__ = [
    "Achieved", "AnniversariesFile", "Anniversary", "Campaign", "Cluster", "Document", "Event", "LEVEL_RANK",
    "Launch", "Phase", "Reporting", "Result", "Signer", "Target", "Task", "Unit", "UnitsFile",
]
