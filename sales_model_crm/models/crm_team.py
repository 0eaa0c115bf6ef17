# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    def write(self, vals):
        res = super().write(vals)
        if "user_id" in vals:
            # the team manager's customer rule reads who leads which team
            self.env.registry.clear_cache()
        return res
