"""The GraphQL documents the tests send, as a frontend would."""

VIEWER = """
query { viewer { id email createdAt profile { nickname gender birthYear mbti bio } } }
"""

UPDATE_PROFILE = """
mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    user { id profile { nickname gender birthYear mbti bio } }
    userErrors { field message code }
  }
}
"""

PARTNER_FIELDS = """
  id name relationship age mbti description interests communicationStyle createdAt updatedAt
"""

CREATE_PARTNER = f"""
mutation($input: CreatePartnerInput!) {{
  createPartner(input: $input) {{ partner {{ {PARTNER_FIELDS} }} userErrors {{ field message code }} }}
}}
"""

UPDATE_PARTNER = f"""
mutation($input: UpdatePartnerInput!) {{
  updatePartner(input: $input) {{ partner {{ {PARTNER_FIELDS} }} userErrors {{ field message code }} }}
}}
"""

DELETE_PARTNER = """
mutation($input: DeletePartnerInput!) {
  deletePartner(input: $input) { deletedPartnerId userErrors { field message code } }
}
"""

CREATE_ROOM = """
mutation($input: CreateChatRoomInput!) {
  createChatRoom(input: $input) {
    chatRoom { id title lastMessageAt createdAt updatedAt partner { id name } }
    userErrors { field message code }
  }
}
"""

UPDATE_ROOM = """
mutation($input: UpdateChatRoomInput!) {
  updateChatRoom(input: $input) {
    chatRoom { id title partner { id } }
    userErrors { field message code }
  }
}
"""

DELETE_ROOM = """
mutation($input: DeleteChatRoomInput!) {
  deleteChatRoom(input: $input) { deletedChatRoomId userErrors { field message code } }
}
"""

ADD_MESSAGES = """
mutation($input: AddMessagesInput!) {
  addMessages(input: $input) {
    chatRoom { id lastMessageAt messages(first: 1) { totalCount } }
    messages { id sender senderName text sentAt kind }
    userErrors { field message code }
  }
}
"""

DELETE_ACCOUNT = """
mutation($input: DeleteAccountInput!) {
  deleteAccount(input: $input) { deletedUserId userErrors { field message code } }
}
"""

PARTNERS_PAGE = """
query($first: Int, $after: String, $last: Int, $before: String) {
  partners(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

ROOMS_PAGE = """
query($first: Int, $after: String, $last: Int, $before: String, $partnerId: ID) {
  chatRooms(first: $first, after: $after, last: $last, before: $before, partnerId: $partnerId) {
    totalCount
    edges { cursor node { id title partner { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

MESSAGES_PAGE = """
query($room: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  node(id: $room) {
    ... on ChatRoom {
      messages(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { id text sentAt sender kind } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
}
"""

NODE = """
query($id: ID!) { node(id: $id) { __typename id } }
"""

NODES = """
query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }
"""

IMPORT_FIELDS = """
  import { id format fileName messagesImported duplicatesSkipped linesNotUnderstood nulCharactersRemoved
           firstMessageAt lastMessageAt rawFileExpiresAt rawFileDeletedAt createdAt }
  chatRoom { id lastMessageAt messages(first: 1) { totalCount } }
  userErrors { field message code }
"""

IMPORT_CHAT = f"""
mutation($input: ImportChatInput!) {{ importChat(input: $input) {{ {IMPORT_FIELDS} }} }}
"""

ROOM_MESSAGES = """
query($room: ID!, $first: Int) {
  node(id: $room) { ... on ChatRoom {
    messages(first: $first) { totalCount edges { node { sender senderName text sentAt kind } } }
    imports(first: 10) { totalCount edges { node { id format messagesImported } } }
    partner { speechStyle { formality messageCount politeRatio typicalTone examples } }
  } }
}
"""

ANALYZE_SPEECH = """
mutation($input: AnalyzeSpeechInput!) {
  analyzeSpeech(input: $input) {
    speechStyle { formality formalRatio politeRatio casualRatio laughterRatio cryingRatio questionRatio
                  emojiRatio averageLength messageCount typicalTone examples frequentExpressions }
    user { speechStyle { formality messageCount } }
    userErrors { field message code }
  }
}
"""

ANALYSIS_FIELDS = """
  id message situation intent engine model latencyMs createdAt
  usage { inputTokens outputTokens }
  emotion { sentiment scores { positive negative neutral mixed } labels { key label score } intensity keyPhrases source }
  advice { summary signals timing recommendation cautions }
  replies { risk text explanation confidence }
  choice { risk rating chosenAt }
  chatRoom { id }
  sourceMessage { id text }
"""

ANALYZE_MESSAGE = f"""
mutation($input: AnalyzeMessageInput!) {{
  analyzeMessage(input: $input) {{ analysis {{ {ANALYSIS_FIELDS} }} userErrors {{ field message code }} }}
}}
"""

ANALYZE_MESSAGE_STREAM = f"""
subscription($input: AnalyzeMessageInput!) {{
  analyzeMessage(input: $input) {{
    __typename
    ... on AdviceReady {{ advice {{ summary signals timing recommendation cautions }} }}
    ... on ReplyChunk {{ risk delta }}
    ... on AnalysisCompleted {{ analysis {{ {ANALYSIS_FIELDS} }} }}
    ... on AnalysisFailed {{ code message }}
  }}
}}
"""

CHOOSE_REPLY = """
mutation($input: ChooseReplyInput!) {
  chooseReply(input: $input) { analysis { id choice { risk rating chosenAt } } userErrors { field message code } }
}
"""

ANALYZE_PARTNER = """
mutation($input: AnalyzePartnerInput!) {
  analyzePartner(input: $input) {
    partner { id insight { personalityTraits communicationStyle topicsThatWork cautions engine model createdAt } }
    insight { personalityTraits communicationStyle topicsThatWork cautions engine model }
    userErrors { field message code }
  }
}
"""
