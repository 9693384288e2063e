from __future__ import annotations

import pytest


@pytest.fixture
def local_webhooks(settings):
    """Deliveries may reach 127.0.0.1, with short timeouts and a short retry schedule."""
    settings.SMARTCV_WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SMARTCV_WEBHOOK_TIMEOUT = 2
    settings.SMARTCV_WEBHOOK_RETRY_DELAYS = [30, 120, 600]
    return settings
