using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>
/// The demo couple's past time-outs: one last month that ended early, one nine days ago that ran its hour and ended with
/// both ready to talk, and Sam's private note on it (only Sam sees it). Nothing running, so the demo starts calm.
/// </summary>
internal static class DemoTimeOuts
{
    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, TimeZoneId zone, DateOnly today)
    {
        var lastMonth = At(zone, today.AddDays(-33), 21, 15);
        var earlier = TimeOut.Call(coupleId, partners.Alex, lastMonth, lastMonth.AddHours(1));
        earlier.EndEarly(lastMonth.AddMinutes(35));
        earlier.MarkReady(partners.Alex, lastMonth.AddMinutes(35));
        earlier.MarkReady(partners.Sam, lastMonth.AddMinutes(40));
        db.TimeOuts.Add(earlier);

        var recent = At(zone, today.AddDays(-9), 20, 10);
        var timeOut = TimeOut.Call(coupleId, partners.Sam, recent, recent.AddHours(1));
        timeOut.MarkReady(partners.Sam, recent.AddHours(1).AddMinutes(2));
        timeOut.MarkReady(partners.Alex, recent.AddHours(1).AddMinutes(6));
        db.TimeOuts.Add(timeOut);
        db.TimeOutNotes.Add(TimeOutNote.Write(
            timeOut.Id,
            coupleId,
            partners.Sam,
            "I felt brushed aside when the weekend got planned without me. What I need is to be asked, not to win. Say that first, calmly.",
            recent.AddMinutes(20)));
    }

    private static DateTimeOffset At(TimeZoneId zone, DateOnly day, int hour, int minute) =>
        ReminderClock.DueOn(zone, LocalTimeOfDay.From(new TimeOnly(hour, minute)), day);
}
