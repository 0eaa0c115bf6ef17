# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import _, api, fields, models
from odoo.tools import SQL

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)


class SalesPurchaseCycleReminder(models.AbstractModel):
    """Refill reminders: an activity for the customer's salesperson.

    A cycle is reminded once, when it is due (or overdue: a late first run),
    while the customer has a salesperson and no open quotation for the
    product. The reminded order is kept on the cycle: the next reminder waits
    for the next order, which starts a new cycle. Customers at risk are not
    reminded. Batches are written under a savepoint; a batch that fails is
    retried one cycle at a time, and a cycle that still fails is logged and
    skipped, so one bad record does not stop the others.
    """

    _name = "sales.purchase.cycle.reminder"
    _description = "Purchase Cycle Reminders"

    @api.model
    def _candidates_query(self, company):
        return SQL(
            """
            SELECT cycle.id
              FROM sales_purchase_cycle cycle
             WHERE cycle.company_id = %(company)s
               AND cycle.state IN ('due', 'overdue')
               AND cycle.user_id IS NOT NULL
               AND cycle.reminded_order_id IS DISTINCT FROM cycle.last_order_id
               AND NOT EXISTS (
                   SELECT 1
                     FROM sale_order_line sol
                     JOIN sale_order so ON so.id = sol.order_id
                     JOIN res_partner ordering ON ordering.id = so.partner_id
                    WHERE so.state IN ('draft', 'sent')
                      AND so.company_id = cycle.company_id
                      AND sol.product_id = cycle.product_id
                      AND ordering.commercial_partner_id = cycle.partner_id)
             ORDER BY cycle.id
            """,
            company=company.id,
        )

    @api.model
    def _send_reminders(self, companies, batch_size=200):
        """Remind every due cycle of ``companies``; return how many."""
        self.env.flush_all()
        count = 0
        for company in companies:
            self.env.cr.execute(self._candidates_query(company))
            cycle_ids = [row[0] for row in self.env.cr.fetchall()]
            # the company's settings (customer notice) apply to its cycles
            reminder = self.with_company(company)
            cycles = reminder.env["sales.purchase.cycle"].browse(cycle_ids)
            count += len(
                run_isolated(
                    reminder.env,
                    cycles,
                    reminder._remind,
                    "Refill reminder of purchase cycle %s failed: skipped",
                    _logger,
                    batch_size=batch_size,
                    name="Refill reminders",
                )
            )
        return count

    @api.model
    def _remind(self, cycles):
        activity_type = self.env.ref(
            "sales_model_crm.mail_activity_type_purchase_cycle"
        )
        partner_model = self.env["ir.model"]._get_id("res.partner")
        # each cycle's today is its company's
        today = {company: company._sales_today() for company in cycles.company_id}
        vals_list = [
            {
                "activity_type_id": activity_type.id,
                "res_model_id": partner_model,
                "res_id": cycle.partner_id.id,
                "user_id": cycle.user_id.id,
                "date_deadline": max(cycle.expected_date, today[cycle.company_id]),
                "summary": self.with_context(lang=cycle.user_id.lang)._summary(cycle),
            }
            for cycle in cycles
        ]
        self.env["sales.customer.care"]._subscribe_owners(vals_list)
        # quick update: no assignment email per activity (a daily digest of
        # reminders would flood the salesperson's inbox)
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE sales_purchase_cycle cycle
                   SET reminded_order_id = cycle.last_order_id,
                       reminder_activity_id = reminder.activity_id,
                       reminded_on = reminder.day
                  FROM unnest(%(cycles)s::int[], %(activities)s::int[],
                              %(days)s::date[])
                       AS reminder(cycle_id, activity_id, day)
                 WHERE cycle.id = reminder.cycle_id
                """,
                days=[today[cycle.company_id] for cycle in cycles],
                cycles=cycles.ids,
                activities=activities.ids,
            )
        )
        cycles.invalidate_recordset(
            ["reminded_order_id", "reminder_activity_id", "reminded_on"]
        )
        self._notify_customers(cycles)

    @api.model
    def _summary(self, cycle):
        return _(
            "Call %(customer)s to refill %(product)s: expected %(date)s",
            customer=cycle.partner_id.name,
            product=cycle.product_id.name,
            date=fields.Date.to_string(cycle.expected_date),
        )

    @api.model
    def _notify_customers(self, cycles):
        """Send the customers their refill notice, when the company wants it."""
        notice = self.env.company.sales_cycle_customer_notice
        if notice == "none" or not cycles:
            return
        reachable = self.env["res.partner"]._sales_reachable(cycles.partner_id, notice)
        cycles = cycles.filtered(lambda cycle: cycle.partner_id in reachable)
        if not cycles:
            return
        if notice == "email":
            template = self.env.ref("sales_model_crm.mail_template_purchase_cycle")
            template.send_mail_batch(cycles.ids)
        else:
            template = self.env.ref("sales_model_crm.sms_template_purchase_cycle")
            cycles._message_sms_schedule_mass(template=template, mass_keep_log=True)
