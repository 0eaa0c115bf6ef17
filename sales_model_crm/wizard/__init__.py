from . import sales_period_generate
from . import sales_quota_split
from . import sales_quota_grid
from . import sales_handover
