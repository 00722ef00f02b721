namespace Lachan.Features.Shared;

/// <summary>A rule with a period of force (EffectiveTo is its last day), so versions of it can follow one another.</summary>
public interface IDatedRule
{
    int Id { get; }
    DateOnly EffectiveFrom { get; }
    DateOnly? EffectiveTo { get; set; }
}
