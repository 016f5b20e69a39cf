from django import forms


class ReportRequestForm(forms.Form):
    course = forms.IntegerField(min_value=1)
    delay_seconds = forms.FloatField(min_value=0, max_value=30, initial=3)
