using Lachan.Features.Shared;

namespace Lachan.Features.Registry.Contracts;

/// <summary>The fields a person types for a worker. Employment and lodging are given only when a worker is
/// registered; later they change through movement (hire, leave, move), which keeps the history.</summary>
public sealed record WorkerForm
{
    public string? Cccd { get; init; }
    public string? FullName { get; init; }
    public Sex? Sex { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Phone { get; init; }
    public string? Cmnd { get; init; }
    public string? BhxhNumber { get; init; }
    public string? PermanentAddress { get; init; }
    public int? EnterpriseId { get; init; }
    public DateOnly? HiredOn { get; init; }
    public ContractType? ContractType { get; init; }
    public string? Workshop { get; init; }
    public int? LodgingHouseId { get; init; }

    /// <summary>The identity fields' rules (and, when registering, employment's), shared by every module that takes a
    /// person's identity (the case editor registers a new person with them).</summary>
    public FieldErrors Validate(bool creating)
    {
        var f = this;
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(f.FullName), nameof(f.FullName), "Field.Required");
        errors.AddIf(f.FullName is { Length: > 100 }, nameof(f.FullName), "Field.TooLong");
        errors.AddIf(f.Sex is null, nameof(f.Sex), "Field.Required");
        errors.AddIf(f.DateOfBirth is null, nameof(f.DateOfBirth), "Field.Required");
        if (f.DateOfBirth is DateOnly dob)
            errors.AddIf(dob.Year < 1900 || dob > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15), nameof(f.DateOfBirth), "Worker.DateOfBirthRange");
        var cccd = Contracts.Cccd.Validate(f.Cccd?.Trim(), f.Sex, f.DateOfBirth);
        errors.AddIf(!cccd.IsValid, nameof(f.Cccd), cccd.Error!);
        if (!string.IsNullOrWhiteSpace(f.Phone))
            errors.AddIf(OtherIds.NormalizePhone(f.Phone) is null, nameof(f.Phone), "Phone.Format");
        if (!string.IsNullOrWhiteSpace(f.Cmnd))
            errors.AddIf(!OtherIds.Cmnd(f.Cmnd.Trim()).IsValid, nameof(f.Cmnd), "Cmnd.Format");
        if (!string.IsNullOrWhiteSpace(f.BhxhNumber))
            errors.AddIf(!OtherIds.Bhxh(f.BhxhNumber.Trim()).IsValid, nameof(f.BhxhNumber), "Bhxh.Format");
        errors.AddIf(f.PermanentAddress is { Length: > 300 }, nameof(f.PermanentAddress), "Field.TooLong");
        if (creating)
        {
            errors.AddIf(f.EnterpriseId is null, nameof(f.EnterpriseId), "Field.Required");
            errors.AddIf(f.HiredOn is null, nameof(f.HiredOn), "Field.Required");
            errors.AddIf(f.ContractType is null, nameof(f.ContractType), "Field.Required");
            if (f.HiredOn is DateOnly hired && f.DateOfBirth is DateOnly born)
                errors.AddIf(hired < born.AddYears(15), nameof(f.HiredOn), "Worker.HiredTooYoung");
        }
        return errors;
    }
}
