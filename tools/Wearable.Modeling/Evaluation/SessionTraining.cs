using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>
/// Training one person's model on one recording session, as the MyoArmband protocol trains on
/// training0 but for any session: the session's last repetitions held out for early stopping, an
/// optional polish on the whole session at a tenth of the learning rate, fine-tuning a copy of a
/// pre-trained model when one is given. Used by the protocol (training0) and its variants (any session).
/// </summary>
public static class SessionTraining
{
    /// <summary>A session split by repetition into fitting and early-stopping windows (never mixing one repetition's windows).</summary>
    public static (WindowSet Train, WindowSet? Validation) Split(MyoArmbandDataset data, MyoParticipant person, string session, MyoProtocolOptions options)
    {
        var recordings = data.LoadSession(person, session);
        int usable = options.TrainRepetitionLimit > 0 ? Math.Min(options.TrainRepetitionLimit, recordings.Count) : recordings.Count;
        int validationCount = Math.Clamp(options.ValidationRepetitions, 0, usable - 1);
        var train = MyoArmbandProtocol.Windows(recordings.Take(usable - validationCount), MyoArmbandProtocol.WindowLength, options.TrainHop);
        WindowSet? validation = validationCount == 0
            ? null
            : MyoArmbandProtocol.Windows(recordings.Skip(usable - validationCount).Take(validationCount), MyoArmbandProtocol.WindowLength, options.TestHop);
        return (train, validation);
    }

    /// <summary>One whole session as test windows (limited to its first repetitions for quick tests).</summary>
    public static WindowSet Test(MyoArmbandDataset data, MyoParticipant person, string session, MyoProtocolOptions options)
    {
        var recordings = data.LoadSession(person, session);
        return MyoArmbandProtocol.Windows(
            options.TestRepetitionLimit > 0 ? recordings.Take(options.TestRepetitionLimit) : recordings,
            MyoArmbandProtocol.WindowLength,
            options.TestHop);
    }

    /// <summary>
    /// Trains (or fine-tunes <paramref name="pretrained"/>) on <paramref name="session"/>, optionally with
    /// other people's windows mixed in (<see cref="MyoProtocolOptions.Rehearsal"/>); returns the model, its
    /// fitting and early-stopping windows and the fit.
    /// </summary>
    public static (IClassifierModel Model, WindowSet Train, WindowSet? Validation, TrainingResult Fit) Fit(
        MyoArmbandDataset data, MyoParticipant person, string session, MyoProtocolOptions options, IClassifierModel? pretrained, WindowSet? rehearsal = null)
    {
        var (train, validation) = Split(data, person, session, options);
        if (rehearsal is not null && options.Rehearsal > 0)
        {
            train = WithRehearsal(train, rehearsal, options.Rehearsal, options.Training.Seed, person.Name);
        }

        var network = pretrained is not null
            ? ClassifierModels.Copy(pretrained)
            : ClassifierModels.Create(options.Spec, MyoArmbandProtocol.WindowLength, MyoArmbandDatReader.Channels, MyoArmbandDatReader.GestureCount, options.InputScale);
        if (pretrained is null)
        {
            network.Initialize(options.Training.Seed);
        }

        var fit = Trainer.Fit(network, train, validation, options.Training);
        if (options.FinalEpochs > 0 && validation is not null)
        {
            var all = MyoArmbandProtocol.Windows(
                data.LoadSession(person, session).Take(options.TrainRepetitionLimit > 0 ? options.TrainRepetitionLimit : MyoArmbandDataset.RepetitionsPerSession),
                MyoArmbandProtocol.WindowLength,
                options.TrainHop);
            var polish = Trainer.Fit(network, all, null, options.Training.Polishing(options.FinalEpochs));
            fit = fit with { Elapsed = fit.Elapsed + polish.Elapsed, Epochs = fit.Epochs + polish.Epochs };
        }

        network.SetTraining(null);
        return (network, train, validation, fit);
    }

    /// <summary>
    /// The person's windows plus a seeded random draw (with replacement) of other people's windows
    /// (<paramref name="fraction"/> per own window); the person's windows stay first.
    /// </summary>
    public static WindowSet WithRehearsal(WindowSet own, WindowSet others, double fraction, ulong seed, string person)
    {
        var mixed = own.Where(_ => true);
        int wanted = Math.Min(others.Count, (int)Math.Round(own.Count * fraction));
        var random = Simulation.Pcg32.For(seed, "rehearsal " + person);
        for (int k = 0; k < wanted; k++)
        {
            mixed.AddWindowFrom(others, random.NextInt(others.Count));
        }

        return mixed;
    }
}
