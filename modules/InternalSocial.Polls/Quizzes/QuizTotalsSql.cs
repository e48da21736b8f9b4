namespace InternalSocial.Polls.Quizzes;

/// <summary>
/// Works a quiz's totals, right answers per question and leaderboard out again from its attempts: for the attempts
/// stored before the totals were kept, and after an erasure takes attempts away. Rare, so counted rather than kept.
/// </summary>
internal static class QuizTotalsSql
{
    /// <summary>The statements, in order, for the quizzes whose id meets <paramref name="pollCondition"/> (e.g. <c>= {0}</c>).</summary>
    public static IReadOnlyList<string> Rebuild(string pollCondition) =>
    [
        $"""DELETE FROM "Polls_QuizTotals" WHERE "PollId" {pollCondition}""",
        $"""DELETE FROM "Polls_QuizQuestionTallies" WHERE "PollId" {pollCondition}""",
        $"""DELETE FROM "Polls_QuizBestScores" WHERE "PollId" {pollCondition}""",
        $"""
        INSERT INTO "Polls_QuizTotals" ("PollId", "Attempts", "People", "PeoplePassed", "PercentTenths")
        SELECT a."PollId", COUNT(*), COUNT(DISTINCT a."UserId"), COUNT(DISTINCT CASE WHEN a."Passed" THEN a."UserId" END),
            CAST(SUM(CASE WHEN a."MaxScore" = 0 THEN 0 ELSE ROUND(1000.0 * a."Score" / a."MaxScore") END) AS BIGINT)
        FROM "Polls_QuizAttempts" a WHERE a."PollId" {pollCondition} GROUP BY a."PollId"
        """,
        // An answer is right when no option chosen is wrong and no right option is missed.
        $"""
        INSERT INTO "Polls_QuizQuestionTallies" ("QuestionId", "PollId", "Correct")
        SELECT q."QuestionId", q."PollId", COUNT(*)
        FROM "Polls_QuizQuestions" q JOIN "Polls_QuizAttempts" a ON a."PollId" = q."PollId"
        WHERE q."PollId" {pollCondition}
            AND NOT EXISTS (SELECT 1 FROM "Polls_QuizChoices" c WHERE c."AttemptId" = a."Id" AND c."QuestionId" = q."QuestionId"
                AND NOT EXISTS (SELECT 1 FROM "Polls_QuizCorrectOptions" k WHERE k."OptionId" = c."OptionId"))
            AND NOT EXISTS (SELECT 1 FROM "Polls_QuizCorrectOptions" k WHERE k."QuestionId" = q."QuestionId"
                AND NOT EXISTS (SELECT 1 FROM "Polls_QuizChoices" c WHERE c."AttemptId" = a."Id" AND c."OptionId" = k."OptionId"))
        GROUP BY q."QuestionId", q."PollId"
        """,
        $"""
        INSERT INTO "Polls_QuizBestScores" ("PollId", "UserId", "AttemptId", "Score", "MaxScore", "SubmittedUtc")
        SELECT b."PollId", b."UserId", b."Id", b."Score", b."MaxScore", b."SubmittedUtc"
        FROM (SELECT a."PollId", a."UserId", a."Id", a."Score", a."MaxScore", a."SubmittedUtc",
                ROW_NUMBER() OVER (PARTITION BY a."PollId", a."UserId" ORDER BY a."Score" DESC, a."SubmittedUtc", a."Id") AS "Place"
            FROM "Polls_QuizAttempts" a WHERE a."OnLeaderboard" AND a."PollId" {pollCondition}) b
        WHERE b."Place" = 1
        """,
    ];
}
