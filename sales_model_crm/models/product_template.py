# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    sales_days_per_unit = fields.Float(
        string="Days of Supply per Unit",
        digits=(16, 2),
        help="How many days one unit lasts a typical customer (one 18.9 L water "
        "bucket: 7 days; one toner cartridge: 60 days). Products with a value "
        "get purchase-cycle predictions and refill reminders; 0 means the "
        "product is not bought in cycles.",
    )

    @api.constrains("sales_days_per_unit")
    def _check_sales_days_per_unit(self):
        for template in self:
            if template.sales_days_per_unit < 0:
                raise ValidationError(
                    _(
                        "The days of supply per unit of %(product)s cannot be "
                        "negative.",
                        product=template.display_name,
                    )
                )
