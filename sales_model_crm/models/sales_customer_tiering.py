# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CHANGES_TABLE = "sales_model_tier_changes"


class SalesCustomerTiering(models.AbstractModel):
    """The tiering engine: revenue per customer, Pareto ranking, tier writes.

    The ranking runs in one SQL statement per company (one GROUP BY over the
    revenue documents, window functions for rank and cumulative share) and
    returns only the customers whose tier changes. Those are written in
    batches: one UPDATE per batch and tier, one INSERT for the history and one
    for the chatter notes. A rerun on unchanged data writes nothing.
    """

    _name = "sales.customer.tiering"
    _description = "Customer Tiering Engine"

    # --- revenue per basis: (commercial partner, revenue in company currency)

    @api.model
    def _revenue_query(self, company, date_from, partners=None):
        """Revenue per commercial partner on the company's tier basis.

        With ``partners``, only theirs (for a form or a list).
        """
        method = getattr(self, f"_revenue_query_{company.sales_tier_basis}")
        return method(company, date_from, partners)

    @api.model
    def _partner_filter(self, column, partners):
        if partners is None:
            return SQL()
        return SQL("AND %s = ANY(%s)", column, list(partners.ids))

    @api.model
    def _partner_revenue(self, company, partners):
        """{commercial partner id: revenue over the window} for ``partners``."""
        if not partners:
            return {}
        self.env.flush_all()
        query = self._revenue_query(company, self._date_from(company), partners)
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())

    @api.model
    def _revenue_query_invoiced(self, company, date_from, partners=None):
        # invoice lines carry the commercial partner; balance is negative for
        # revenue and positive for refunds, in company currency
        return SQL(
            """
            SELECT aml.partner_id AS partner_id, -SUM(aml.balance) AS revenue
              FROM account_move_line aml
              JOIN account_move move ON move.id = aml.move_id
             WHERE aml.company_id = %(company)s
               AND aml.parent_state = 'posted'
               AND aml.display_type = 'product'
               AND aml.date >= %(date_from)s
               AND aml.partner_id IS NOT NULL
               AND move.move_type IN ('out_invoice', 'out_refund')
               %(partner_filter)s
             GROUP BY aml.partner_id
            """,
            company=company.id,
            date_from=date_from,
            partner_filter=self._partner_filter(SQL("aml.partner_id"), partners),
        )

    @api.model
    def _revenue_query_sales(self, company, date_from, partners=None):
        return SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                       AS revenue
              FROM sale_order so
              JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.company_id = %(company)s
               AND so.state = 'sale'
               AND so.date_order >= %(date_from)s
               %(partner_filter)s
             GROUP BY partner.commercial_partner_id
            """,
            company=company.id,
            date_from=date_from,
            partner_filter=self._partner_filter(
                SQL("partner.commercial_partner_id"), partners
            ),
        )

    @api.model
    def _revenue_query_collected(self, company, date_from, partners=None):
        # inbound customer payments count, outbound ones (refunds paid) deduct
        return SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   SUM(pay.amount_company_currency_signed) AS revenue
              FROM account_payment pay
              JOIN res_partner partner ON partner.id = pay.partner_id
             WHERE pay.company_id = %(company)s
               AND pay.partner_type = 'customer'
               AND pay.state IN ('in_process', 'paid')
               AND pay.date >= %(date_from)s
               %(partner_filter)s
             GROUP BY partner.commercial_partner_id
            """,
            company=company.id,
            date_from=date_from,
            partner_filter=self._partner_filter(
                SQL("partner.commercial_partner_id"), partners
            ),
        )

    # --- ranking

    @api.model
    def _date_from(self, company):
        today = fields.Date.context_today(self)
        return today - relativedelta(months=company.sales_tier_window_months)

    @api.model
    def _ranking_query(self, company, date_from=None):
        """Revenue, rank, share and cumulative share of every customer.

        Customers with equal revenue share one rank and one cumulative share
        "before" them (ties at a cut fall on the same side). Customers whose
        refunds outweigh their invoices have no share.
        """
        date_from = date_from or self._date_from(company)
        return SQL(
            """
            WITH revenue AS (%(revenue)s),
            positive AS (SELECT * FROM revenue WHERE revenue > 0)
            SELECT partner_id, revenue,
                   RANK() OVER (ORDER BY revenue DESC) AS rank,
                   100.0 * revenue / SUM(revenue) OVER () AS share,
                   100.0 * COALESCE(SUM(revenue) OVER (
                       ORDER BY revenue DESC
                       RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                       EXCLUDE GROUP), 0) / SUM(revenue) OVER () AS share_before,
                   100.0 * SUM(revenue) OVER (ORDER BY revenue DESC)
                       / SUM(revenue) OVER () AS cumulative_share
              FROM positive
            UNION ALL
            SELECT partner_id, revenue, NULL, 0, 100, 100
              FROM revenue WHERE revenue <= 0
            """,
            revenue=self._revenue_query(company, date_from),
        )

    @api.model
    def _changes_query(self, company, tiers):
        """Customers whose computed tier differs from their current one.

        Locked and archived customers keep their tier (their revenue still
        counts in the total). Customers who held a tier and have no revenue in
        the window any more fall to the last tier.
        """
        last_tier = tiers[-1]
        tier_rows = SQL(", ").join(
            SQL("(%s, %s, %s, %s)", tier.id, tier.sequence, tier.cumulative_share,
                tier.revenue_floor)
            for tier in tiers
        )
        company_key = str(company.id)
        return SQL(
            """
            WITH ranked AS (%(ranking)s),
            tiers(id, sequence, cumulative_share, revenue_floor) AS (
                VALUES %(tier_rows)s
            ),
            computed AS (
                SELECT ranked.*, COALESCE((
                    SELECT tiers.id FROM tiers
                     WHERE ranked.rank IS NOT NULL
                       AND ranked.share_before < tiers.cumulative_share
                       AND ranked.revenue >= tiers.revenue_floor
                     ORDER BY tiers.sequence, tiers.id LIMIT 1
                ), %(last_tier)s) AS tier_id
                  FROM ranked
                UNION ALL
                SELECT partner.id, 0, NULL, 0, 100, 100, %(last_tier)s
                  FROM res_partner partner
                 WHERE partner.sales_tier_id ? %(company_key)s
                   AND NOT EXISTS (
                       SELECT 1 FROM ranked WHERE ranked.partner_id = partner.id)
            )
            SELECT computed.partner_id, computed.tier_id,
                   (partner.sales_tier_id ->> %(company_key)s)::int AS old_tier_id,
                   computed.revenue, computed.rank, computed.share,
                   computed.cumulative_share
              FROM computed
              JOIN res_partner partner ON partner.id = computed.partner_id
             WHERE partner.active
               AND NOT COALESCE(
                   (partner.sales_tier_locked ->> %(company_key)s)::boolean, FALSE)
               AND (partner.sales_tier_id ->> %(company_key)s)::int
                   IS DISTINCT FROM computed.tier_id
            """,
            ranking=self._ranking_query(company),
            tier_rows=tier_rows,
            last_tier=last_tier.id,
            company_key=company_key,
        )

    # --- writing

    @api.model
    def _recompute_tiers(self, companies, limit=None, batch_size=2000):
        """Retier the customers of ``companies``.

        Return how many customers changed tier and how many changes are left.

        With ``limit``, stop after that many changes (the rest is found again
        by the next call, so an interrupted run resumes where it stopped).
        """
        done = remaining = 0
        for company in companies:
            if limit and done >= limit:
                remaining += 1  # not looked at yet: the next call will
                continue
            tiers = self.env["sales.customer.tier"]._get_company_tiers(company)
            if not tiers:
                continue
            company_done, company_remaining = self._recompute_company_tiers(
                company, tiers, limit and limit - done, batch_size
            )
            done += company_done
            remaining += company_remaining
        return done, remaining

    @api.model
    def _recompute_company_tiers(self, company, tiers, limit, batch_size):
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(CHANGES_TABLE)))
        cr.execute(
            SQL(
                "CREATE TEMP TABLE %s ON COMMIT DROP AS %s",
                SQL.identifier(CHANGES_TABLE),
                self._changes_query(company, tiers),
            )
        )
        last_partner_id, done = 0, 0
        while not limit or done < limit:
            size = min(batch_size, limit - done) if limit else batch_size
            cr.execute(
                SQL(
                    """SELECT * FROM %s WHERE partner_id > %s
                        ORDER BY partner_id LIMIT %s""",
                    SQL.identifier(CHANGES_TABLE),
                    last_partner_id,
                    size,
                )
            )
            rows = cr.dictfetchall()
            if not rows:
                break
            self._apply_tier_changes(company, tiers, rows)
            last_partner_id = rows[-1]["partner_id"]
            done += len(rows)
        cr.execute(
            SQL(
                "SELECT COUNT(*) FROM %s WHERE partner_id > %s",
                SQL.identifier(CHANGES_TABLE),
                last_partner_id,
            )
        )
        remaining = cr.fetchone()[0]
        cr.execute(SQL("DROP TABLE %s", SQL.identifier(CHANGES_TABLE)))
        _logger.info(
            "Tiering of %s: %s customers changed tier, %s left",
            company.name,
            done,
            remaining,
        )
        return done, remaining

    @api.model
    def _apply_tier_changes(self, company, tiers, rows):
        # sudo: tiering is a company-wide computation the caller was allowed to
        # start; it writes tiers of customers the caller may not see and
        # returns only a count.
        partner_model = self.env["res.partner"].sudo().with_company(company)
        rows_by_tier = defaultdict(list)
        for row in rows:
            rows_by_tier[row["tier_id"]].append(row["partner_id"])
        for tier_id, partner_ids in rows_by_tier.items():
            partner_model.browse(partner_ids).with_context(
                sales_model_tiering=True, tracking_disable=True
            ).write({"sales_tier_id": tier_id})
        rank_of = {tier.id: index for index, tier in enumerate(tiers)}
        history_vals = [self._prepare_history_vals(company, row, rank_of) for row in rows]
        histories = self.env["sales.customer.tier.history"].sudo().create(history_vals)
        histories._post_chatter_notes()
        self.env.flush_all()
        self.env.invalidate_all()

    @api.model
    def _prepare_history_vals(self, company, row, rank_of):
        old, new = row["old_tier_id"], row["tier_id"]
        if not old:
            change = "first"
        elif rank_of.get(new, 0) < rank_of.get(old, 0):
            change = "promotion"
        else:
            change = "demotion"
        return {
            "partner_id": row["partner_id"],
            "company_id": company.id,
            "old_tier_id": old,
            "new_tier_id": new,
            "change": change,
            "revenue": row["revenue"],
            "share": row["share"],
            "cumulative_share": row["cumulative_share"],
            "rank": row["rank"] or 0,
            "user_id": self.env.user.id,
        }

    # --- scheduled action

    @api.model
    def _cron_recompute_tiers(self, limit=20000):
        """Daily retiering of every company, in chunks the cron framework commits."""
        companies = self.env["res.company"].search([])
        done, remaining = self._recompute_tiers(companies, limit=limit)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done
