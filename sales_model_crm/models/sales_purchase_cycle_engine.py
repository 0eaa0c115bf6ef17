# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CYCLES_TABLE = "sales_model_cycle_changes"
# first key of the advisory lock that serializes cycle runs of a company
CYCLE_LOCK_KEY = 51_783
# per-row values the engine writes: a rerun on unchanged data writes nothing
PREDICTION_COLUMNS = (
    "user_id",
    "order_count",
    "first_order_date",
    "last_order_date",
    "last_order_id",
    "last_quantity",
    "observed_days_per_unit",
    "supply_days",
    "expected_date",
    "reminder_date",
    "confidence",
    "confidence_level",
    "missed_cycles",
    "state",
)


class SalesPurchaseCycleEngine(models.AbstractModel):
    """The purchase-cycle engine: when will each customer buy each product again.

    One SQL statement per company reads the confirmed order lines of the
    products bought in cycles, merges them per customer, product and day,
    and predicts the next purchase:

    - the supply of the last purchase is its quantity (less returns and
      refunds, in the product's unit) x the days per unit (the customer's
      override, else the product's);
    - from the third purchase on, the days per unit are blended with the
      customer's observed days per unit (days between the first and the last
      purchase over the units bought before the last one), with weight
      (n - 1) / (n + 1) for n purchases: 50 % at 3, 60 % at 4, 80 % at 9;
    - the confidence is 25 % after one purchase, 40 % after two, then
      (n - 1) / n x (1 - the coefficient of variation of the days per unit
      between purchases): regular buyers climb to high, irregular ones stay
      low;
    - the reminder falls when the company's share of the supply is used up,
      and a customer who let the company's number of expected dates pass is
      at risk.

    The result goes to a temporary table; only the rows that differ from the
    stored ones are written, in batches of one INSERT ... ON CONFLICT each.
    """

    _name = "sales.purchase.cycle.engine"
    _description = "Purchase Cycle Engine"

    # --- queries

    @api.model
    def _partner_filter(self, column, partners):
        if partners is None:
            return SQL()
        return SQL("AND %s = ANY(%s)", column, list(partners.ids))

    @api.model
    def _tracked_products_query(self, company):
        """Active products bought in cycles, for the company."""
        return SQL(
            """
            SELECT pp.id AS product_id, pt.sales_days_per_unit AS product_dpu,
                   pt.uom_id
              FROM product_product pp
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE pp.active AND pt.active
               AND (pt.sales_days_per_unit > 0 OR EXISTS (
                    SELECT 1 FROM sales_purchase_cycle cycle
                     WHERE cycle.product_id = pp.id
                       AND cycle.company_id = %(company)s
                       AND cycle.days_per_unit_override > 0))
            """,
            company=company.id,
        )

    @api.model
    def _purchases_query(self, company, partners=None):
        """One row per customer, product and day: the quantity that covers.

        Returned or refunded quantities (credit notes on the order line) and
        negative lines reduce what a purchase covers; a day whose purchases
        were all returned is no purchase.
        """
        return SQL(
            """
            SELECT partner_id, product_id, order_date, order_id, qty
              FROM (
                SELECT partner.commercial_partner_id AS partner_id,
                       sol.product_id,
                       ((so.date_order AT TIME ZONE 'UTC')
                         AT TIME ZONE %(tz)s)::date AS order_date,
                       MAX(so.id) AS order_id,
                       -- float8: numeric division and deviation carry
                       -- dozens of digits, and cost as much
                       SUM((sol.product_uom_qty - COALESCE(refunded.qty, 0))::float8
                           * CASE WHEN sol.product_uom = tracked.uom_id THEN 1
                                  ELSE (SELECT product_uom.factor / line_uom.factor
                                          FROM uom_uom line_uom, uom_uom product_uom
                                         WHERE line_uom.id = sol.product_uom
                                           AND product_uom.id = tracked.uom_id)::float8
                             END) AS qty
                  FROM sale_order_line sol
                  JOIN tracked ON tracked.product_id = sol.product_id
                  JOIN sale_order so ON so.id = sol.order_id
                  JOIN res_partner partner ON partner.id = so.partner_id
                  LEFT JOIN refunded ON refunded.order_line_id = sol.id
                 WHERE so.company_id = %(company)s
                   AND so.state = 'sale'
                   AND sol.display_type IS NULL
                   %(partner_filter)s
                 GROUP BY 1, 2, 3) per_day
             WHERE qty > 0
            """,
            company=company.id,
            # the day of an order is the company's, as "today" is
            tz=company._sales_tz(),
            partner_filter=self._partner_filter(
                SQL("partner.commercial_partner_id"), partners
            ),
        )

    @api.model
    def _refunded_query(self):
        return SQL(
            """
            SELECT rel.order_line_id, SUM(aml.quantity) AS qty
              FROM sale_order_line_invoice_rel rel
              JOIN account_move_line aml ON aml.id = rel.invoice_line_id
              JOIN account_move move ON move.id = aml.move_id
             WHERE move.move_type = 'out_refund' AND move.state = 'posted'
             GROUP BY rel.order_line_id
            """
        )

    @api.model
    def _predictions_query(self, company, today, partners=None):
        """Every tracked customer x product: the prediction and its stored row."""
        return SQL(
            """
            WITH tracked AS MATERIALIZED (%(tracked)s),
            refunded AS (%(refunded)s),
            purchases AS (%(purchases)s),
            sequenced AS (
                SELECT purchases.*,
                       (order_date - LAG(order_date) OVER w)::float8 AS gap,
                       LAG(qty) OVER w AS prev_qty,
                       LEAD(order_date) OVER w IS NULL AS is_last
                  FROM purchases
                WINDOW w AS (PARTITION BY partner_id, product_id ORDER BY order_date)),
            stats AS (
                SELECT partner_id, product_id, COUNT(*) AS order_count,
                       MIN(order_date) AS first_date, MAX(order_date) AS last_date,
                       MAX(order_id) FILTER (WHERE is_last) AS last_order_id,
                       MAX(qty) FILTER (WHERE is_last) AS last_qty,
                       SUM(qty) FILTER (WHERE NOT is_last) AS prior_qty,
                       AVG(gap / prev_qty) AS mean_rate,
                       STDDEV_POP(gap / prev_qty) AS rate_stddev
                  FROM sequenced
                 GROUP BY partner_id, product_id),
            base AS (
                SELECT stats.*, customer.user_id, cycle.id AS cycle_id,
                       COALESCE(NULLIF(cycle.days_per_unit_override, 0),
                                tracked.product_dpu)::float8 AS base_dpu,
                       (stats.last_date - stats.first_date)::float8
                           / NULLIF(stats.prior_qty, 0) AS observed_dpu,
                       CASE WHEN stats.order_count >= 3
                            THEN (stats.order_count - 1.0)::float8
                                 / (stats.order_count + 1.0)
                            ELSE 0 END AS weight
                  FROM stats
                  JOIN tracked ON tracked.product_id = stats.product_id
                  JOIN res_partner customer ON customer.id = stats.partner_id
                  LEFT JOIN sales_purchase_cycle cycle
                         ON cycle.partner_id = stats.partner_id
                        AND cycle.product_id = stats.product_id
                        AND cycle.company_id = %(company)s
                 WHERE customer.active),
            supplied AS (
                SELECT base.*,
                       GREATEST(last_qty * ((1 - weight) * base_dpu
                                + weight * COALESCE(observed_dpu, base_dpu)), 1)
                           AS supply
                  FROM base),
            predicted AS (
                SELECT supplied.*,
                       last_date + ROUND(supply)::int AS expected,
                       last_date + FLOOR(supply * %(percent)s / 100)::int
                           AS reminder,
                       FLOOR((%(today)s::date - last_date) / supply)::int AS missed,
                       CASE WHEN order_count = 1 THEN 25
                            WHEN order_count = 2 THEN 40
                            ELSE GREATEST(10, ROUND(100 * (order_count - 1)::float8
                                 / order_count * GREATEST(0, 1 - COALESCE(
                                   rate_stddev / NULLIF(mean_rate, 0), 1))))
                       END::int AS confidence
                  FROM supplied)
            SELECT ROW_NUMBER() OVER (ORDER BY partner_id, product_id) AS seq,
                   cycle_id, partner_id, product_id, user_id, order_count,
                   first_date AS first_order_date, last_date AS last_order_date,
                   last_order_id, last_qty::float8 AS last_quantity,
                   ROUND(observed_dpu::numeric, 2)::float8 AS observed_days_per_unit,
                   ROUND(supply::numeric, 1)::float8 AS supply_days,
                   expected AS expected_date, reminder AS reminder_date, confidence,
                   CASE WHEN confidence >= 70 THEN 'high'
                        WHEN confidence >= 40 THEN 'medium'
                        ELSE 'low' END::varchar AS confidence_level,
                   missed AS missed_cycles,
                   CASE WHEN missed >= %(at_risk)s THEN 'at_risk'
                        WHEN %(today)s::date > expected THEN 'overdue'
                        WHEN %(today)s::date >= reminder THEN 'due'
                        ELSE 'planned' END::varchar AS state
              FROM predicted
            """,
            tracked=self._tracked_products_query(company),
            refunded=self._refunded_query(),
            purchases=self._purchases_query(company, partners),
            company=company.id,
            today=today,
            percent=company.sales_cycle_reminder_percent,
            at_risk=company.sales_cycle_at_risk_cycles,
        )

    @api.model
    def _changed_condition(self, alias):
        """The stored row differs from the prediction (or there is none)."""
        stored = SQL(", ").join(
            SQL("cycle.%s", SQL.identifier(column)) for column in PREDICTION_COLUMNS
        )
        computed = SQL(", ").join(
            SQL("%s.%s", SQL.identifier(alias), SQL.identifier(column))
            for column in PREDICTION_COLUMNS
        )
        return SQL(
            """(%(alias)s.cycle_id IS NULL OR EXISTS (
                   SELECT 1 FROM sales_purchase_cycle cycle
                    WHERE cycle.id = %(alias)s.cycle_id
                      AND (%(stored)s) IS DISTINCT FROM (%(computed)s)))""",
            alias=SQL.identifier(alias),
            stored=stored,
            computed=computed,
        )

    # --- writing

    @api.model
    def _recompute_cycles(self, companies, partners=None, limit=None, batch_size=5000):
        """Predict the next purchases of ``companies``' customers.

        Return how many cycles changed and how many changes are left (with
        ``limit``; the next call finds the rest again, as the tiering does).
        """
        done = remaining = 0
        for company in companies:
            today = company._sales_today()
            if limit and done >= limit:
                remaining += 1
                continue
            company_done, company_remaining = self._recompute_company_cycles(
                company, today, partners, limit and limit - done, batch_size
            )
            done += company_done
            remaining += company_remaining
        return done, remaining

    @api.model
    def _recompute_company_cycles(self, company, today, partners, limit, batch_size):
        cr = self.env.cr
        # the scheduler and a form edit must not write the same rows twice;
        # an order confirmed during the nightly run does not wait for it (the
        # run, or the next, sees the order)
        if partners is None:
            cr.execute(
                SQL("SELECT pg_advisory_xact_lock(%s, %s)", CYCLE_LOCK_KEY, company.id)
            )
        else:
            cr.execute(
                SQL(
                    "SELECT pg_try_advisory_xact_lock(%s, %s)",
                    CYCLE_LOCK_KEY,
                    company.id,
                )
            )
            if not cr.fetchone()[0]:
                return 0, 0
        self.env.flush_all()
        table = SQL.identifier(CYCLES_TABLE)
        cr.execute(SQL("DROP TABLE IF EXISTS %s", table))
        cr.execute(
            SQL(
                """CREATE TEMP TABLE %s ON COMMIT DROP AS
                   SELECT predictions.*, %s AS changed
                     FROM (%s) predictions""",
                table,
                self._changed_condition("predictions"),
                self._predictions_query(company, today, partners),
            )
        )
        self._clear_stale_cycles(company, partners)
        cr.execute(
            SQL(
                """SELECT COALESCE(array_agg(seq ORDER BY seq), '{}')
                     FROM %s WHERE changed""",
                table,
            )
        )
        changed = cr.fetchone()[0]
        todo = changed[:limit] if limit else changed
        for start in range(0, len(todo), batch_size):
            batch = todo[start : start + batch_size]
            self._write_cycles(company, batch[0], batch[-1])
        cr.execute(SQL("DROP TABLE %s", table))
        self.env["sales.purchase.cycle"].invalidate_model()
        _logger.info(
            "Purchase cycles of %s: %s changed, %s left",
            company.name,
            len(todo),
            len(changed) - len(todo),
        )
        return len(todo), len(changed) - len(todo)

    @api.model
    def _write_cycles(self, company, first_seq, last_seq):
        """Insert or update one batch of changed predictions: one statement."""
        columns = SQL(", ").join(
            SQL.identifier(column) for column in PREDICTION_COLUMNS
        )
        updates = SQL(", ").join(
            SQL("%s = EXCLUDED.%s", SQL.identifier(column), SQL.identifier(column))
            for column in PREDICTION_COLUMNS
        )
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO sales_purchase_cycle
                       (partner_id, product_id, company_id, days_per_unit_override,
                        %(columns)s, create_uid, create_date, write_uid, write_date)
                SELECT partner_id, product_id, %(company)s, 0,
                       %(columns)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM %(table)s
                 WHERE changed AND seq BETWEEN %(first)s AND %(last)s
                ON CONFLICT (partner_id, product_id, company_id) DO UPDATE
                   SET %(updates)s, write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                """,
                columns=columns,
                updates=updates,
                table=SQL.identifier(CYCLES_TABLE),
                company=company.id,
                uid=self.env.uid,
                now=now,
                first=first_seq,
                last=last_seq,
            )
        )

    @api.model
    def _clear_stale_cycles(self, company, partners):
        """Cycles with no purchase left (archived product or customer, every
        order cancelled or returned) leave the due-to-buy list."""
        self.env.cr.execute(
            SQL(
                """
                UPDATE sales_purchase_cycle cycle
                   SET state = 'none', expected_date = NULL, reminder_date = NULL,
                       missed_cycles = 0, order_count = 0, write_date = %(now)s
                 WHERE cycle.company_id = %(company)s
                   AND cycle.state != 'none'
                   %(partner_filter)s
                   AND NOT EXISTS (SELECT 1 FROM %(table)s computed
                                    WHERE computed.partner_id = cycle.partner_id
                                      AND computed.product_id = cycle.product_id)
                """,
                company=company.id,
                now=fields.Datetime.now(),
                table=SQL.identifier(CYCLES_TABLE),
                partner_filter=self._partner_filter(SQL("cycle.partner_id"), partners),
            )
        )

    # --- scheduled action

    @api.model
    def _cron_purchase_cycles(self, limit=50000):
        """Daily: predict the next purchases, then remind the salespeople."""
        companies = self.env["res.company"].search([])
        done, remaining = self._recompute_cycles(companies, limit=limit)
        if remaining:
            # the cron framework commits and calls again for the rest
            self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
            return done
        reminded = self.env["sales.purchase.cycle.reminder"]._send_reminders(companies)
        self.env["ir.cron"]._notify_progress(done=done + reminded, remaining=0)
        return done
