# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        # Odoo checks the export group; this also refuses a plain salesperson
        # who was given that group by hand or by a template later on.
        user = self.env.user
        if (
            not self.env.su
            and not user._is_superuser()
            and user._sales_model_is_plain_salesperson()
        ):
            raise AccessError(
                _("Salespeople cannot export data. Ask your sales manager.")
            )
        return super().export_data(fields_to_export)
