"""Help ▸ About the insights: what a flag is and is not, and where the ideas come from."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

ABOUT_INSIGHTS_HTML = """
<h2>About the insights</h2>
<p><b>Reflection, not diagnosis.</b> Refill looks for <i>patterns worth noticing</i> in what you
record. A flag is not a score, a risk rating or a clinical judgement, and no flag means nothing
is wrong either. Only you know what your days were like.</p>

<h3>How a flag is raised</h3>
<ul>
<li>Each pattern compares your recent days with a target you chose (sleep, activity, session
hours, days off) and with your own usual level over the previous weeks.</li>
<li>It needs enough days of data first; until then the Insights tab says what is missing.</li>
<li>It needs persistence: one bad day never raises a flag. <i>Watch</i> means one signal;
<i>warning</i> means it has lasted, or several signals agree.</li>
<li>Every flag shows its numbers, so you can judge them yourself, and can be snoozed for a
week.</li>
</ul>

<h3>What the patterns are based on</h3>
<ul>
<li><b>Burnout</b> is an occupational phenomenon, not a medical condition (WHO, ICD-11 QD85):
exhaustion, mental distance or cynicism about the job, and reduced professional efficacy
(Maslach).</li>
<li><b>Compassion fatigue</b> combines burnout with secondary traumatic stress, such as
intrusive thoughts or images of clients' trauma (ProQOL's model). It follows trauma exposure,
while burnout follows workload and the work environment (Boscarino, Figley &amp; Adams 2004;
Hensel et al. 2015).</li>
<li><b>Sleep:</b> adults need 7 hours or more regularly (AASM/SRS consensus, 2015); sleeping under
6 hours predicted later clinical burnout in one prospective study (Söderström et al. 2012).</li>
<li><b>Activity:</b> WHO (2020) suggests 150–300 minutes of moderate activity a week.</li>
<li><b>Working time:</b> there is no validated limit for client session hours, so the weekly cap
is yours; long weeks (55 hours or more) carry real health risks (WHO/ILO 2021).</li>
<li><b>Rest:</b> the benefits of a holiday fade within weeks (de Bloom 2009); regular breaks and
detaching from work after hours matter most (Wendsche 2017; Albulescu 2022).</li>
</ul>

<h3>What helps</h3>
<p>Changes to workload and organisation (caseload, admin, schedules) reduce burnout more than
individual self-care (Panagioti 2017), so for load patterns Refill suggests talking with your
supervisor or manager first. Supervision, peer consultation and social support protect against
secondary traumatic stress (Hensel 2015).</p>
<p>“What helps me” compares the days after you did something with the days after you did not.
It is an observation, not proof: good days invite the action, light days leave room for it, and
unusual days tend to be followed by more ordinary ones.</p>

<h3>If things feel too much</h3>
<p>Help ▸ Need support now? lists crisis lines and reminds you of your own GP, therapist,
supervisor or employee assistance programme. Refill never contacts anyone for you.</p>
"""


class AboutInsightsDialog(QDialog):
    """A short, readable page; links open nothing (Refill makes no network connections)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About the insights")
        text = QTextBrowser(self)
        text.setOpenLinks(False)
        text.setHtml(ABOUT_INSIGHTS_HTML)
        text.setAccessibleName("About the insights")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(620, 640)
