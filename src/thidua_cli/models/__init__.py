"""Pure, strict models of the registry: no I/O, no output."""

from thidua_cli.models.anniversary import AnniversariesFile, Anniversary
from thidua_cli.models.campaign import (
                                        Campaign,
                                        CampaignBasis,
                                        Document,
                                        Event,
                                        Launch,
                                        Phase,
                                        Signer,
                                        Target,
                                        Task,
)
from thidua_cli.models.unit import LEVEL_RANK, Cluster, Unit, UnitsFile

__all__ = [
                                        "LEVEL_RANK",
                                        "AnniversariesFile",
                                        "Anniversary",
                                        "Campaign",
                                        "CampaignBasis",
                                        "Cluster",
                                        "Document",
                                        "Event",
                                        "Launch",
                                        "Phase",
                                        "Signer",
                                        "Target",
                                        "Task",
                                        "Unit",
                                        "UnitsFile",
]
