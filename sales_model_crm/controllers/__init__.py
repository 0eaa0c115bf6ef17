from . import portal
from . import portal_announcement
