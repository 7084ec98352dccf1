"""The production engine: Claude on Amazon Bedrock.

- `client`: a streaming Converse client with our retry and timeout policy (`errors`, `events`:
  what it raises and yields).
- `bedrock_engine`: `BedrockCoachEngine`, streaming, parsing, checking and repairing answers.
- `prompt`, `partner_prompt`: the Korean prompts. `output_parser`: the tagged answer format.
- `model_emotion`: the model's own emotion reading, merged with the measured one.
"""
