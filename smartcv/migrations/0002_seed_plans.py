from django.db import migrations


def seed_plans(apps, schema_editor):
    from smartcv.services import PLANS

    Plan = apps.get_model("smartcv", "Plan")
    for order, (code, name, rpm, credits, overage) in enumerate(PLANS):
        Plan.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "requests_per_minute": rpm,
                "monthly_credits": credits,
                "overage_price_cents": overage,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("smartcv", "0001_initial")]
    operations = [migrations.RunPython(seed_plans, migrations.RunPython.noop)]
