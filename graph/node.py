import strawberry


@strawberry.interface(description="An object with a global ID that `node(id:)` fetches again.")
class Node:
    id: strawberry.ID
