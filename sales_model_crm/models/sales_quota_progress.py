# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SalesQuotaProgress(models.AbstractModel):
    _name = "sales.quota.progress"
    _description = "Quota Progress Engine"

    def _refresh(self, quotas):
        return True
